import { Param, type PipeTransform } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsPositive, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '@app/http';
import { COORDINATE_SYSTEMS, DomainError, FACILITY_TYPES, type CoordinateSystem, type FacilityType } from '@app/contracts';
import { GAP_RESOLUTIONS } from '@app/domain';
import { GeoPointDto } from '../seniors/register-senior.dto';

const STREET_CODE = /^\d{9,12}$/;

/** A route parameter checked against a pattern; anything else is a 400 naming the parameter. */
function patternParam(name: string, pattern: RegExp, problem: string, convert: (value: string) => unknown = (v) => v): ParameterDecorator {
  const pipe: PipeTransform<string> = {
    transform(value: string) {
      if (!pattern.test(value)) throw new DomainError('VALIDATION_FAILED', `${name} ${problem}`, [{ field: name, problems: [problem] }]);
      return convert(value);
    },
  };
  return Param(name, pipe);
}

export const TargetsVersionParam = () => patternParam('version', /^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/, 'must be 1–60 letters, digits, dots, dashes or underscores');
export const StatisticsYearParam = () =>
  patternParam('year', /^(199\d|20\d\d|2100)$/, 'must be a year from 1990 to 2100', (value) => Number(value));

export class CoverageQueryDto {
  @ApiPropertyOptional({ enum: [5, 10, 15], description: "Minutes on foot; default: the district's circle (15)" })
  @IsOptional()
  @Type(() => Number)
  @IsIn([5, 10, 15])
  minutes: number | null = null;
}

export class GapQueryDto extends CoverageQueryDto {
  @ApiProperty({ enum: FACILITY_TYPES, description: 'The facility type whose circles leave the seniors uncovered' })
  @IsIn(FACILITY_TYPES)
  type!: FacilityType;

  @ApiPropertyOptional({ enum: GAP_RESOLUTIONS, description: 'H3 resolution: 9 (default) ≈ 0.1 km² cells, 8 ≈ 0.7 km²' })
  @IsOptional()
  @Type(() => Number)
  @IsIn(GAP_RESOLUTIONS)
  resolution: number | null = null;

  @ApiPropertyOptional({ example: 20, description: 'Cells to return, most uncovered seniors first (default 20)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number | null = null;

  @ApiPropertyOptional({ example: '310112102', description: "Only this street's seniors" })
  @IsOptional()
  @Matches(STREET_CODE, { message: 'streetCode must be 9–12 digits' })
  streetCode: string | null = null;
}

export class WhatIfDto {
  @ApiProperty({ enum: FACILITY_TYPES })
  @IsIn(FACILITY_TYPES)
  type!: FacilityType;

  @ApiProperty({ type: GeoPointDto, description: 'Where the new site would be' })
  @IsObject()
  @ValidateNested()
  @Type(() => GeoPointDto)
  point!: GeoPointDto;

  @ApiProperty({ enum: COORDINATE_SYSTEMS, description: 'GCJ-02 (Chinese web maps) is converted to WGS-84' })
  @IsIn(COORDINATE_SYSTEMS)
  coordinateSystem!: CoordinateSystem;

  @ApiPropertyOptional({ enum: [5, 10, 15] })
  @IsOptional()
  @IsIn([5, 10, 15])
  minutes: number | null = null;

  @ApiPropertyOptional({ example: '310112102', description: 'The street the site would be in; default: the street of the nearest registered senior' })
  @IsOptional()
  @Matches(STREET_CODE, { message: 'streetCode must be 9–12 digits' })
  streetCode: string | null = null;
}

export class PlanningTargetsDto {
  @ApiProperty({ example: '2026-01-01', description: 'The version is in force from this date until a later version starts' })
  @IsCalendarDate()
  effectiveFrom!: string;

  @ApiProperty({ example: 4, description: 'Institution beds per 100 registered people aged 60+ (4 = 4%)' })
  @IsNumber()
  @IsPositive()
  @Max(100)
  bedsPer100Older!: number;

  @ApiProperty({ example: 60, description: 'Nursing-type beds as a percent of institution beds' })
  @IsNumber()
  @IsPositive()
  @Max(100)
  nursingBedSharePct!: number;

  @ApiPropertyOptional({ example: 1200, nullable: true, description: 'District total of dementia-care beds; null when the plan sets none' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  dementiaCareBeds: number | null = null;

  @ApiProperty({ example: 5, description: 'Meal seats as a percent of registered people aged 65+' })
  @IsNumber()
  @IsPositive()
  @Max(100)
  mealCapacityPctOf65Plus!: number;

  @ApiProperty({ example: 40, description: 'Community care floor area, m² per 1,000 registered residents' })
  @IsNumber()
  @IsPositive()
  @Max(10_000)
  communityFloorM2Per1000!: number;
}

export class StreetStatisticsRowDto {
  @ApiProperty({ example: '310112102' })
  @Matches(STREET_CODE, { message: 'streetCode must be 9–12 digits' })
  streetCode!: string;

  @ApiProperty({ example: '莘庄镇' })
  @IsString()
  @Length(1, 60)
  name!: string;

  @ApiProperty({ example: 210_000, description: 'Registered (户籍) residents' })
  @IsInt()
  @Min(0)
  @Max(50_000_000)
  registeredPopulation!: number;

  @ApiProperty({ example: 66_000 })
  @IsInt()
  @Min(0)
  @Max(50_000_000)
  registered60Plus!: number;

  @ApiProperty({ example: 48_000 })
  @IsInt()
  @Min(0)
  @Max(50_000_000)
  registered65Plus!: number;
}

export class StreetStatisticsDto {
  @ApiProperty({ type: [StreetStatisticsRowDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => StreetStatisticsRowDto)
  streets!: StreetStatisticsRowDto[];
}

export class StatisticsQueryDto {
  @ApiPropertyOptional({ example: 2025 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1990)
  @Max(2100)
  year: number | null = null;
}
