import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { CONSENT_SCOPES, ConsentScope } from '@app/contracts';

export class GrantConsentDto {
  @ApiProperty({ description: 'The family account that receives access' })
  @IsUUID('4')
  familyAccountId!: string;

  @ApiProperty({ enum: CONSENT_SCOPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(CONSENT_SCOPES, { each: true })
  scopes!: ConsentScope[];

  @ApiProperty({ example: 'Signed consent form at the Xinzhuang hub; guardian present with ID', description: 'How the senior or guardian consented and how identity was checked' })
  @IsString()
  @Length(5, 500)
  basis!: string;
}

export interface ConsentView {
  consentId: string;
  familyAccountId: string;
  seniorId: string;
  scopes: ConsentScope[];
  grantedBy: string;
  basis: string;
  grantedAt: string;
  revokedAt: string | null;
}
