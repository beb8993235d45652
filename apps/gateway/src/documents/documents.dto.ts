import { PickType } from '@nestjs/swagger';
import { GetDocumentRequest, RevokeDocumentRequest, VerifyDocumentRequest } from '#lib/contracts';
import { describeFields } from '../http/derived-dto.js';

// The rules are the contract's (libs/contracts/src/documents/document.messages.ts).

export class DocumentIdParams extends PickType(GetDocumentRequest, ['id'] as const) {}

export class VerificationTokenParams extends PickType(VerifyDocumentRequest, ['token'] as const) {}
describeFields(VerificationTokenParams, {
  token: { description: 'The token at the end of the verification URL in the QR code' },
});

export class RevokeDocumentBody extends PickType(RevokeDocumentRequest, ['reason'] as const) {}
describeFields(RevokeDocumentBody, { reason: { example: 'Diterbitkan berdasarkan data yang keliru' } });
