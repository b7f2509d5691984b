import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsInstant } from '@app/http';
import { VISIT_CONCERN_KINDS, type VisitConcernKind } from '@app/contracts';
import { HH_MM, VERIFICATION_METHODS, type VerificationMethod } from '@app/domain';
import { GeoPointDto } from '../seniors/register-senior.dto';

export class CheckInDto {
  @ApiProperty({ enum: VERIFICATION_METHODS, description: "How the senior's visits are verified (their visit plan says which)" })
  @IsIn(VERIFICATION_METHODS as unknown as string[], { message: `method must be one of ${VERIFICATION_METHODS.join(', ')}` })
  method!: VerificationMethod;

  @ApiPropertyOptional({ example: 'QX7K-42KD', description: "The door tag's code (door-code)" })
  @IsOptional()
  @IsString()
  @Length(4, 32)
  code: string | null = null;

  @ApiPropertyOptional({ type: GeoPointDto, description: 'Where the phone is (geofence); kept only when the senior consented' })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointDto)
  location: GeoPointDto | null = null;

  @ApiPropertyOptional({ example: '2026-12-07T09:02:00+08:00', description: 'When it happened, for a phone that was offline; absent: now' })
  @IsOptional()
  @IsInstant()
  at: string | null = null;
}

export class VisitConcernDto {
  @ApiProperty({ enum: VISIT_CONCERN_KINDS })
  @IsIn(VISIT_CONCERN_KINDS as unknown as string[], { message: `kind must be one of ${VISIT_CONCERN_KINDS.join(', ')}` })
  kind!: VisitConcernKind;

  @ApiPropertyOptional({ example: '在卫生间滑倒，右腕疼痛', description: 'Sealed before it leaves the gateway' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  detail: string | null = null;

  @ApiPropertyOptional({ description: 'Ask for an immediate reassessment (a fall always does)' })
  @IsOptional()
  @IsBoolean()
  requestReassessment = false;
}

export class CheckOutDto extends CheckInDto {
  @ApiProperty({ example: ['bathing', 'medication-reminder'] })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  tasksDone!: string[];

  @ApiPropertyOptional({ description: 'Sealed before it leaves the gateway' })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  notes: string | null = null;

  @ApiPropertyOptional({ type: [VisitConcernDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => VisitConcernDto)
  concerns: VisitConcernDto[] = [];
}

export class ResolveAlertDto {
  @ApiProperty({ example: 'Called the caregiver: stuck in traffic, arrived 09:40' })
  @IsString()
  @Length(1, 500)
  resolution!: string;

  @ApiPropertyOptional({ description: 'For a failed verification: the coordinator confirmed the visit happened (it is then claimed)' })
  @IsOptional()
  @IsBoolean()
  confirmVisit = false;
}

export class AlertListQuery {
  @ApiPropertyOptional({ description: 'Only alerts nobody has resolved and no check-in cleared (default true)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  open: 'true' | 'false' = 'true';
}

export class ExtraVisitDto {
  @ApiProperty()
  @IsUUID('all')
  seniorId!: string;

  @ApiProperty({ example: '15:00' })
  @Matches(HH_MM.regex, { message: `from must be ${HH_MM.description}` })
  from!: string;

  @ApiProperty({ example: '16:00' })
  @Matches(HH_MM.regex, { message: `to must be ${HH_MM.description}` })
  to!: string;

  @ApiPropertyOptional({ example: 60 })
  @IsOptional()
  @IsInt()
  @Min(15)
  @Max(480)
  durationMinutes: number | null = null;

  @ApiPropertyOptional({ example: ['personal-hygiene'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  tasks: string[] | null = null;
}

/** Exactly one of: a sick caregiver, a cancelled visit (with a reason), an extra visit. */
export class ReplanDto {
  @ApiPropertyOptional({ description: 'The caregiver who cannot work today' })
  @ValidateIf((dto: ReplanDto) => dto.cancelledVisitId == null && dto.extraVisit == null)
  @IsUUID('all', { message: 'give one of sickCaregiverId (a UUID), cancelledVisitId with reason, or extraVisit' })
  sickCaregiverId?: string;

  @ApiPropertyOptional({ example: '2b1c…:2026-12-07:1' })
  @IsOptional()
  @IsString()
  @Length(3, 100)
  cancelledVisitId?: string;

  @ApiPropertyOptional({ example: 'the senior is at the hospital for a check-up' })
  @ValidateIf((dto: ReplanDto) => dto.cancelledVisitId != null)
  @IsString({ message: 'a cancellation needs a reason' })
  @Length(1, 300)
  reason?: string;

  @ApiPropertyOptional({ type: ExtraVisitDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExtraVisitDto)
  extraVisit?: ExtraVisitDto;
}

export class MoveVisitDto {
  @ApiProperty()
  @IsUUID('all')
  caregiverId!: string;

  @ApiProperty({ example: '2026-12-07T14:00:00+08:00' })
  @IsInstant()
  plannedStart!: string;

  @ApiProperty({ example: 'the senior asked for the afternoon' })
  @IsString()
  @Length(1, 300)
  reason!: string;
}

export class DistrictDateParams {
  @Matches(/^\d{6}$/, { message: 'districtCode must be 6 digits' })
  districtCode!: string;

  @IsCalendarDate()
  date!: string;
}

export class VersionParams {
  @Matches(/^\d{6}$/, { message: 'districtCode must be 6 digits' })
  districtCode!: string;

  @IsCalendarDate()
  weekStart!: string;

  @Matches(/^(\d{1,6}|actual)$/, { message: "version must be a version number or 'actual'" })
  version!: string;
}

export class SinceQuery {
  @ApiPropertyOptional({ description: 'Notices from this instant; absent: the last 14 days' })
  @IsOptional()
  @IsInstant()
  since: string | null = null;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class SeniorMonthParams {
  @IsUUID('all', { message: 'seniorId must be a UUID' })
  seniorId!: string;

  @Matches(MONTH, { message: 'month must be YYYY-MM' })
  month!: string;
}

export class DistrictMonthParams {
  @Matches(/^\d{6}$/, { message: 'districtCode must be 6 digits' })
  districtCode!: string;

  @Matches(MONTH, { message: 'month must be YYYY-MM' })
  month!: string;
}

export class CancelVisitDto {
  @ApiProperty({ example: 'She is going to her daughter for the weekend' })
  @IsString()
  @Length(1, 300)
  reason!: string;
}

export class RescheduleVisitDto {
  @ApiProperty({ example: '2026-12-09T15:00:00+08:00', description: 'The new start, the same day' })
  @IsInstant()
  plannedStart!: string;
}
