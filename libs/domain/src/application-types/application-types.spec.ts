import { describe, expect, it } from '@jest/globals';
import { ApplicationType, DocumentKind } from '../enums/services.js';
import {
  APPLICATION_TYPE_LABELS,
  APPLICATION_TYPE_SHORT_LABELS,
  APPLICATION_TYPES,
} from './application-types.registry.js';
import { BirthType, DEFAULT_BIRTH_TYPE, isMultipleBirth } from './birth-registration/birth-registration.type.js';
import { DOCUMENT_KINDS, documentFileName } from '../documents/document-kinds.js';

describe('application types registry', () => {
  it('has one definition per type, registered under its own name', () => {
    expect(Object.keys(APPLICATION_TYPES).sort()).toEqual(Object.values(ApplicationType).sort());
    for (const [type, definition] of Object.entries(APPLICATION_TYPES)) expect(definition.type).toBe(type);
  });

  it('derives the label tables from the definitions', () => {
    expect(APPLICATION_TYPE_LABELS.BIRTH_REGISTRATION).toBe('PENCATATAN KELAHIRAN');
    expect(APPLICATION_TYPE_LABELS.FAMILY_CARD_REPLACEMENT).toBe('PENGGANTIAN KARTU KELUARGA HILANG/RUSAK');
    expect(APPLICATION_TYPE_SHORT_LABELS.FAMILY_CARD_NEW).toBe('Kartu Keluarga baru');
  });

  it('names documents every type may issue, each a known kind', () => {
    for (const definition of Object.values(APPLICATION_TYPES)) {
      expect(definition.documents.length).toBeGreaterThan(0);
      for (const kind of definition.documents) expect(Object.values(DocumentKind)).toContain(kind);
    }
    expect(APPLICATION_TYPES.BIRTH_REGISTRATION.documents).toEqual(['KARTU_KELUARGA', 'AKTA_KELAHIRAN']);
  });
});

describe('birth registration rules', () => {
  it('treats twins and more as one birth, a single or unnamed birth type not', () => {
    expect(isMultipleBirth(BirthType.KEMBAR_2)).toBe(true);
    expect(isMultipleBirth(BirthType.KEMBAR_3)).toBe(true);
    expect(isMultipleBirth(BirthType.KEMBAR_4)).toBe(true);
    expect(isMultipleBirth(BirthType.TUNGGAL)).toBe(false);
    expect(isMultipleBirth(BirthType.LAINNYA)).toBe(false);
    expect(isMultipleBirth(undefined)).toBe(false);
    expect(DEFAULT_BIRTH_TYPE).toBe('TUNGGAL');
  });
});

describe('document kinds registry', () => {
  it('has a definition for every kind', () => {
    expect(Object.keys(DOCUMENT_KINDS).sort()).toEqual(Object.values(DocumentKind).sort());
  });

  it('names a downloaded file by kind and number, keeping only safe characters', () => {
    expect(documentFileName('AKTA_KELAHIRAN', '1602-LU-28112026-0001')).toBe(
      'kutipan-akta-kelahiran-1602-LU-28112026-0001.pdf',
    );
    expect(documentFileName('KARTU_KELUARGA', '1602/01 2345')).toBe('kartu-keluarga-1602012345.pdf');
  });
});
