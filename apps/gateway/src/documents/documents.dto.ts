import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class DocumentIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class VerificationTokenParams {
  @ApiProperty({ description: 'The token at the end of the verification URL in the QR code' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{16,64}$/, { message: 'bukan kode verifikasi dokumen' })
  token: string;
}

export class RevokeDocumentBody {
  @ApiProperty({ example: 'Diterbitkan berdasarkan data yang keliru' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}
