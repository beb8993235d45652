// Every jest project: libs/domain does no I/O, so the tests hand it the idn-area-data region
// directory the way each app's start-up does.
import { installIdnAreaRegions } from '#lib/platform/regions';

installIdnAreaRegions();
