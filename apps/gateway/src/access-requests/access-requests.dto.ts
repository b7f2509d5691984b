import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, Length, Validate } from 'class-validator';
import { CONSENT_SCOPES, type ConsentScope } from '@app/contracts';
import { ResidentIdNumberRule } from '../seniors/register-senior.dto';

export const RELATIONSHIPS = ['child', 'spouse', 'grandchild', 'sibling', 'guardian', 'other'] as const;

export class AccessRequestDto {
  @ApiProperty({ description: "The senior's 18-character resident ID number; only a keyed hash and the last four digits are kept" })
  @Validate(ResidentIdNumberRule)
  idNumber!: string;

  @ApiProperty({ enum: RELATIONSHIPS })
  @IsIn(RELATIONSHIPS, { message: `relationship must be one of ${RELATIONSHIPS.join(', ')}` })
  relationship!: (typeof RELATIONSHIPS)[number];

  @ApiProperty({ enum: CONSENT_SCOPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(CONSENT_SCOPES, { each: true })
  scopes!: ConsentScope[];

  @ApiPropertyOptional({ example: '我是她女儿，住在同一个小区' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note: string | null = null;
}

export class ApproveAccessDto {
  @ApiProperty({ example: 'Daughter came to the Xinzhuang hub with the senior; hukou book and both ID cards checked', description: 'How the senior or guardian consented and how identity was checked' })
  @IsString()
  @Length(5, 500)
  basis!: string;

  @ApiPropertyOptional({ enum: CONSENT_SCOPES, isArray: true, description: 'The scopes the senior agreed to (at most those asked for); absent: all asked for' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(CONSENT_SCOPES, { each: true })
  scopes: ConsentScope[] | null = null;
}

export class RejectAccessDto {
  @ApiProperty({ example: 'The senior did not agree' })
  @IsString()
  @Length(3, 500)
  reason!: string;
}
