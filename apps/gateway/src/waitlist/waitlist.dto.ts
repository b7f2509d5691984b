import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate } from '@app/http';
import { BED_APPLICATION_KINDS, type BedApplicationKind } from '@app/domain';
import { BED_TYPE_IDS, type BedTypeId } from '@app/contracts';

export class SubmitBedApplicationDto {
  @ApiPropertyOptional({ enum: BED_APPLICATION_KINDS, default: 'long-stay', description: 'long-stay, or respite (喘息服务) for a short stay in a respite bed' })
  @IsOptional()
  @IsIn(BED_APPLICATION_KINDS)
  kind: BedApplicationKind = 'long-stay';

  @ApiPropertyOptional({ enum: BED_TYPE_IDS, isArray: true, description: 'Bed types wanted; empty or absent: any the senior is entitled to' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(BED_TYPE_IDS, { each: true })
  bedTypes: BedTypeId[] = [];

  @ApiPropertyOptional({ type: [String], description: 'Facilities the family would accept; empty or absent: any within maxWalkingMinutes (or the district)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  facilityIds: string[] = [];

  @ApiPropertyOptional({ example: 30, description: 'Only facilities within this walk of home (ignored when facilityIds are given)' })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(240)
  maxWalkingMinutes: number | null = null;
}

export class ReasonDto {
  @ApiProperty({ example: 'The family prefers a facility nearer the daughter' })
  @IsString()
  @Length(3, 500)
  reason!: string;
}

export class WaitingListQuery {
  @ApiPropertyOptional({ enum: BED_APPLICATION_KINDS, default: 'long-stay' })
  @IsOptional()
  @IsIn(BED_APPLICATION_KINDS)
  kind: BedApplicationKind = 'long-stay';
}

export class WhatIfQuery extends WaitingListQuery {
  @ApiProperty({ example: '2027-draft', description: 'The draft (or future) rules version to compare with the rules in force' })
  @IsString()
  @Length(1, 64)
  draftVersion!: string;
}

export class PublishPriorityRulesDto {
  @ApiProperty({ example: '2027' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'version must be 1–64 letters, digits or ._-' })
  version!: string;

  @ApiPropertyOptional({ example: '2027-01-01', description: 'When the rules take effect; absent or null: a draft for what-if runs only' })
  @IsOptional()
  @IsCalendarDate()
  effectiveFrom: string | null = null;

  @ApiProperty({ description: 'groupPoints, levelPoints (instrument → level → points), waitingPointsPerMonth, maxWaitingPoints, declinePenaltyPoints' })
  @IsObject()
  rules!: Record<string, unknown>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note: string | null = null;
}
