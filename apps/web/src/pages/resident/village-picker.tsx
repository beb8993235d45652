import { useEffect, useState, type ReactNode } from 'react';
import { get } from '../../api/client';
import type { Page, Region } from '../../api/types';
import { SelectField } from '../../ui/form';
import type { Check } from '../../domain/rules';

/**
 * District, then village, within one regency (a move stays inside the regency). Names come
 * from the gateway's region list (idn-area-data), one district at a time.
 */
export function VillagePicker({
  regencyCode,
  value,
  onValue,
  check,
  showError,
}: {
  regencyCode: string;
  value: string;
  onValue: (code: string) => void;
  check?: Check;
  showError?: boolean;
}): ReactNode {
  const [district, setDistrict] = useState(value ? value.split('.').slice(0, 3).join('.') : '');
  const [districts, setDistricts] = useState<Region[]>([]);
  const [villages, setVillages] = useState<Region[]>([]);

  useEffect(() => {
    if (!regencyCode) return;
    get<Page<Region>>(`/regions/${regencyCode}/children`).then(
      (page) => setDistricts(page.items),
      () => setDistricts([]),
    );
  }, [regencyCode]);
  useEffect(() => {
    if (!district) {
      setVillages([]);
      return;
    }
    get<Page<Region>>(`/regions/${district}/children`).then(
      (page) => setVillages(page.items),
      () => setVillages([]),
    );
  }, [district]);

  return (
    <div className="two-columns">
      <SelectField
        label="Kecamatan"
        value={district}
        onValue={(code) => {
          setDistrict(code);
          onValue('');
        }}
        options={districts.map((region) => [region.code, region.name] as const)}
        placeholder="— pilih kecamatan —"
        name="districtCode"
      />
      <SelectField
        label="Desa/Kelurahan"
        value={value}
        onValue={onValue}
        options={villages.map((region) => [region.code, region.name] as const)}
        placeholder={district ? '— pilih desa/kelurahan —' : 'pilih kecamatan dahulu'}
        disabled={!district}
        check={check}
        showError={showError}
        name="villageCode"
      />
    </div>
  );
}
