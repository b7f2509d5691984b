import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Allow, ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IsCalendarDate } from '@app/http';
import { ASSESSMENT_REASONS, AssessmentReason } from '@app/contracts';

export class StartAssessmentDto {
  @ApiProperty({ example: 'GB/T 42195-2022', description: 'GB/T 42195-2022, MZ/T 039-2013, Barthel, Lawton IADL, or Shanghai (recorded)' })
  @IsString()
  @Length(1, 80)
  instrument!: string;

  @ApiProperty({ enum: ASSESSMENT_REASONS })
  @IsIn(ASSESSMENT_REASONS)
  reason!: AssessmentReason;

  @ApiPropertyOptional({ description: 'The submitted assessment this one corrects or disputes' })
  @IsOptional()
  @IsUUID('all')
  supersedesId: string | null = null;

  @ApiPropertyOptional({ example: 'B2.4 scored from the wrong day; family present this time' })
  @IsOptional()
  @IsString()
  @Length(5, 1000)
  correctionReason: string | null = null;

  @ApiProperty({ example: '2026-11-20', description: 'Local date of the assessment visit' })
  @IsCalendarDate()
  assessedOn!: string;
}

/**
 * Answers of a draft, partial or whole. The instrument's own rules check each item and value (a 400
 * names every bad one); here only the shape is checked.
 */
export class SaveAnswersDto {
  @ApiPropertyOptional({ example: { 'B1.1': 4, 'B1.2': 3 }, description: 'Item code → answer; merged into the draft' })
  @IsOptional()
  @IsObject()
  items?: Record<string, unknown>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  coma?: boolean;

  @ApiPropertyOptional({ example: ['F03', { code: 'F20', specialistDiagnosed: true }] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  diagnoses?: unknown[];

  @ApiPropertyOptional({ example: { fall: 1, choking: 1 }, description: 'Care-risk events in the last 30 days, by type' })
  @IsOptional()
  @Allow()
  riskEvents30d?: unknown;

  @ApiPropertyOptional({ example: { stacking: 'cumulative' } })
  @IsOptional()
  @IsObject()
  policy?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Accepted from forms that compute it, and ignored: the server scores every item itself' })
  @IsOptional()
  @Allow()
  total?: unknown;

  @ApiPropertyOptional({ description: 'Ignored, like total' })
  @IsOptional()
  @Allow()
  domainScores?: unknown;

  @ApiPropertyOptional({ description: 'Ignored, like total' })
  @IsOptional()
  @Allow()
  finalLevel?: unknown;

  @ApiPropertyOptional({ example: '照护四级', description: 'Shanghai record: the care level as issued' })
  @IsOptional()
  @Allow()
  level?: unknown;

  @ApiPropertyOptional({ example: '2027-02-28', description: 'Shanghai record: last valid day' })
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string;

  @ApiPropertyOptional({ example: 'SH-MH-2025-000123', description: "Shanghai record: the assessing organisation's reference" })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  organisationRef?: string;
}

export class ReassessmentRequestDto {
  @ApiProperty({ example: 'Two falls this month reported by the caregiver' })
  @IsString()
  @Length(5, 1000)
  reason!: string;
}

export class DueQueryDto {
  @ApiPropertyOptional({ example: 60, description: 'Due within this many days (default 60)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(366)
  withinDays = 60;

  @ApiPropertyOptional({ example: '310112' })
  @IsOptional()
  @IsString()
  @Length(6, 6)
  districtCode: string | null = null;
}
