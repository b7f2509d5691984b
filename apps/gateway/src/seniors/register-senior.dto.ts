import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsLatitude,
  IsLongitude,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Validate,
  ValidateNested,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { IsCalendarDate } from '@app/http';
import { LIVING_ARRANGEMENTS, LivingArrangement, PRIORITY_FLAGS, PriorityFlag, SEXES, Sex } from '@app/contracts';
import { readResidentIdNumber } from '@app/domain';

/** Coordinate systems the platform accepts. Only WGS-84 for now: GCJ-02 input is converted in allocation's facility work. */
export const COORDINATE_SYSTEMS = ['WGS-84'] as const;

@ValidatorConstraint({ name: 'residentIdNumber' })
export class ResidentIdNumberRule implements ValidatorConstraintInterface {
  private reason = '';

  validate(value: unknown, args: ValidationArguments): boolean {
    if (typeof value !== 'string') return (this.reason = 'must be a string'), false;
    const read = readResidentIdNumber(value);
    if (!read.ok) return (this.reason = read.reason), false;
    const dto = args.object as RegisterSeniorDto;
    if (dto.birthDate && read.facts.birthDate !== dto.birthDate) return (this.reason = 'does not match birthDate'), false;
    if (dto.sex && read.facts.sex !== dto.sex) return (this.reason = 'does not match sex'), false;
    return true;
  }

  // Never echo the value: it is personal data.
  defaultMessage(): string {
    return `idNumber ${this.reason}`;
  }
}

@ValidatorConstraint({ name: 'pastDate' })
class PastDateRule implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && value <= new Date().toISOString().slice(0, 10) && value >= '1900-01-01';
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be a date between 1900-01-01 and today`;
  }
}

export class GeoPointDto {
  @ApiProperty({ example: 31.1124 })
  @IsLatitude()
  lat!: number;

  @ApiProperty({ example: 121.3817 })
  @IsLongitude()
  lng!: number;
}

export class HomeAddressDto {
  @ApiProperty({ example: '莘庄镇莘松路 123 弄 4 号 502 室' })
  @IsString()
  @Length(3, 300)
  text!: string;

  @ApiPropertyOptional({ example: '310112102', description: 'Street/town (街镇) code' })
  @IsOptional()
  @Matches(/^\d{6,12}$/, { message: 'streetCode must be 6–12 digits' })
  streetCode: string | null = null;

  @ApiProperty({ type: GeoPointDto })
  @IsObject()
  @ValidateNested()
  @Type(() => GeoPointDto)
  location!: GeoPointDto;

  @ApiProperty({ enum: COORDINATE_SYSTEMS, description: 'The system the coordinates are in; declared, never guessed' })
  @IsIn(COORDINATE_SYSTEMS)
  coordinateSystem!: (typeof COORDINATE_SYSTEMS)[number];
}

export class PriorityFlagDto {
  @ApiProperty({ enum: PRIORITY_FLAGS })
  @IsIn(PRIORITY_FLAGS)
  flag!: PriorityFlag;

  @ApiProperty({ example: '低保证 2024-0311', description: 'The document that proves it' })
  @IsString()
  @Length(2, 300)
  evidence!: string;

  @ApiProperty({ example: '2024-01-01' })
  @IsCalendarDate()
  validFrom!: string;

  @ApiPropertyOptional({ example: '2026-12-31', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  validUntil: string | null = null;
}

export class EndFlagDto {
  @ApiProperty({ example: '2026-11-30', description: 'Last day the flag counts' })
  @IsCalendarDate()
  validUntil!: string;

  @ApiProperty({ example: '低保 status ended by the street office on 2026-11-30' })
  @IsString()
  @Length(5, 500)
  reason!: string;
}

export class RegisterSeniorDto {
  @ApiProperty({ example: '张秀英' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ enum: SEXES })
  @IsIn(SEXES)
  sex!: Sex;

  @ApiProperty({ example: '1940-03-15' })
  @IsCalendarDate()
  @Validate(PastDateRule)
  birthDate!: string;

  @ApiProperty({ description: '18-character resident ID number; encrypted before it leaves the gateway' })
  @Validate(ResidentIdNumberRule)
  idNumber!: string;

  @ApiProperty({ type: HomeAddressDto })
  @IsObject()
  @ValidateNested()
  @Type(() => HomeAddressDto)
  address!: HomeAddressDto;

  @ApiProperty({ enum: LIVING_ARRANGEMENTS })
  @IsIn(LIVING_ARRANGEMENTS)
  livingArrangement!: LivingArrangement;

  @ApiPropertyOptional({ type: [PriorityFlagDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PriorityFlagDto)
  priorityFlags: PriorityFlagDto[] = [];

  @ApiPropertyOptional({ example: '13800138000', nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 -]{5,20}$/, { message: 'phone must be 5–20 digits' })
  phone: string | null = null;
}
