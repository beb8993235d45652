/** Letters (any script), spaces and the marks names carry: `SITI NUR'AINI`, `A. RAHMAN`. */
export const PERSON_NAME = /^\p{L}[\p{L}\p{M} .'-]*$/u;
/** RT and RW: `001`. */
export const THREE_DIGITS = /^\d{3}$/;
