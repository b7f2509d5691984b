import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { BED_TYPE_IDS, COORDINATE_SYSTEMS, FACILITY_TYPES, GENDER_RULES, type BedTypeId, type CoordinateSystem, type FacilityType, type GenderRule } from '@app/contracts';
import { GeoPointDto } from '../seniors/register-senior.dto';

export class BedDto {
  @ApiProperty({ example: '3-01A' })
  @IsString()
  @Length(1, 40)
  label!: string;

  @ApiProperty({ enum: BED_TYPE_IDS })
  @IsIn(BED_TYPE_IDS)
  bedType!: BedTypeId;

  @ApiPropertyOptional({ description: 'A respite (喘息) short-stay bed' })
  @IsOptional()
  @IsBoolean()
  respite = false;

  @ApiPropertyOptional({ example: ['electric-bed', 'oxygen'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  equipment: string[] = [];
}

export class RoomDto {
  @ApiProperty({ example: '301' })
  @IsString()
  @Length(1, 40)
  name!: string;

  @ApiProperty({ enum: GENDER_RULES })
  @IsIn(GENDER_RULES)
  genderRule!: GenderRule;

  @ApiProperty({ type: [BedDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => BedDto)
  beds!: BedDto[];
}

export class RegisterFacilityDto {
  @ApiProperty({ enum: FACILITY_TYPES })
  @IsIn(FACILITY_TYPES)
  type!: FacilityType;

  @ApiProperty({ example: '莘庄镇长者照护之家' })
  @IsString()
  @Length(2, 120)
  name!: string;

  @ApiProperty({ example: '310112' })
  @Matches(/^\d{6}$/, { message: 'districtCode must be 6 digits' })
  districtCode!: string;

  @ApiPropertyOptional({ example: '310112102' })
  @IsOptional()
  @Matches(/^\d{9,12}$/, { message: 'streetCode must be 9–12 digits' })
  streetCode: string | null = null;

  @ApiProperty({ type: GeoPointDto })
  @IsObject()
  @ValidateNested()
  @Type(() => GeoPointDto)
  location!: GeoPointDto;

  @ApiProperty({ enum: COORDINATE_SYSTEMS, description: 'GCJ-02 (Chinese web maps) is converted to WGS-84 and marked' })
  @IsIn(COORDINATE_SYSTEMS)
  coordinateSystem!: CoordinateSystem;

  @ApiProperty({ example: '闵行区社会福利中心' })
  @IsString()
  @Length(2, 120)
  operatorName!: string;

  @ApiPropertyOptional({ example: 850 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1_000_000)
  floorAreaM2: number | null = null;

  @ApiPropertyOptional({ example: 'Mo-Su 07:00-19:00' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  openingHours: string | null = null;

  @ApiPropertyOptional({ example: 30 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  dayCarePlaces = 0;

  @ApiPropertyOptional({ example: { '6': { morning: 0, afternoon: 0 }, '7': { morning: 0, afternoon: 0 } }, description: 'Places by ISO weekday and session where they differ from dayCarePlaces; 0 = closed' })
  @IsOptional()
  @IsObject()
  dayCareWeek: Record<string, { morning: number; afternoon: number }> | null = null;

  @ApiPropertyOptional({ example: 80 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  mealSeats = 0;

  @ApiPropertyOptional({ type: [RoomDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => RoomDto)
  rooms: RoomDto[] = [];
}

export class FacilityQueryDto {
  @ApiPropertyOptional({ example: '310112' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'districtCode must be 6 digits' })
  districtCode: string | null = null;

  @ApiPropertyOptional({ enum: FACILITY_TYPES })
  @IsOptional()
  @IsIn(FACILITY_TYPES)
  type: FacilityType | null = null;
}

export class CircleQueryDto {
  @ApiPropertyOptional({ enum: [5, 10, 15], description: "Default: the district's circle (15)" })
  @IsOptional()
  @Type(() => Number)
  @IsIn([5, 10, 15])
  minutes: number | null = null;

  @ApiPropertyOptional({ enum: FACILITY_TYPES, isArray: true, description: 'Comma-separated' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',') : value))
  @IsArray()
  @IsIn(FACILITY_TYPES, { each: true })
  types: FacilityType[] | null = null;
}

export class AddressCircleQueryDto extends CircleQueryDto {
  @ApiProperty({ example: 31.1124 })
  @Type(() => Number)
  @IsLatitude()
  lat!: number;

  @ApiProperty({ example: 121.3817 })
  @Type(() => Number)
  @IsLongitude()
  lng!: number;

  @ApiProperty({ enum: COORDINATE_SYSTEMS })
  @IsIn(COORDINATE_SYSTEMS)
  coordinateSystem!: CoordinateSystem;

  @ApiPropertyOptional({ example: '310112', description: 'Whose walking model applies (default: the platform default district)' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'districtCode must be 6 digits' })
  districtCode: string | null = null;
}
