import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '@app/http';
import { COORDINATE_SYSTEMS, type CoordinateSystem, type CourierModeName, type EscalationOutcomeName, type KitchenKind, type MealSlotName, type StopOutcomeName } from '@app/contracts';
import { COURIER_MODES, DIETS, HH_MM, LADDER_OUTCOMES, MEAL_SLOTS, STOP_OUTCOMES, TEXTURES } from '@app/domain';
import { GeoPointDto } from '../seniors/register-senior.dto';

const KITCHEN_KINDS: readonly KitchenKind[] = ['central-kitchen', 'canteen', 'meal-point'];
const CLOCK = HH_MM.regex;

export class RegisterKitchenDto {
  @ApiProperty({ example: '310112' })
  @Matches(/^\d{6}$/, { message: 'districtCode must be 6 digits' })
  districtCode!: string;

  @ApiProperty({ example: '莘庄中央厨房' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ enum: KITCHEN_KINDS })
  @IsIn(KITCHEN_KINDS)
  kind!: KitchenKind;

  @ApiPropertyOptional({ description: 'The registered facility the kitchen is at (its canteen serves eat-in meals)' })
  @IsOptional()
  @IsUUID('all')
  facilityId: string | null = null;

  @ApiProperty({ type: GeoPointDto })
  @IsObject()
  @ValidateNested()
  @Type(() => GeoPointDto)
  location!: GeoPointDto;

  @ApiProperty({ enum: COORDINATE_SYSTEMS })
  @IsIn(COORDINATE_SYSTEMS)
  coordinateSystem!: CoordinateSystem;

  @ApiProperty({ example: { lunch: 300, dinner: 120 }, description: 'Meals per slot' })
  @IsObject()
  capacity!: Record<string, number>;

  @ApiProperty({ enum: DIETS, isArray: true })
  @IsArray()
  @IsIn(DIETS, { each: true })
  diets!: string[];

  @ApiProperty({ enum: TEXTURES, isArray: true, description: 'IDDSI textures the kitchen can prepare' })
  @IsArray()
  @IsIn(TEXTURES, { each: true })
  textures!: string[];
}

export class RegisterCourierDto {
  @ApiPropertyOptional({ description: 'The account the courier signs in with, to see their route and record outcomes' })
  @IsOptional()
  @IsUUID('all')
  accountId: string | null = null;

  @ApiProperty({ example: '王师傅' })
  @IsString()
  @Length(1, 60)
  name!: string;

  @ApiProperty({ enum: COURIER_MODES })
  @IsIn(COURIER_MODES)
  mode!: CourierModeName;

  @ApiPropertyOptional({ description: 'Meals carried at once; default: the mode\'s usual' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  capacity: number | null = null;

  @ApiProperty({ example: '10:00' })
  @Matches(CLOCK, { message: 'shiftFrom must be HH:MM' })
  shiftFrom!: string;

  @ApiProperty({ example: '13:30' })
  @Matches(CLOCK, { message: 'shiftTo must be HH:MM' })
  shiftTo!: string;
}

export class MenuDto {
  @ApiProperty({ description: 'Dishes: the standard set meal first, then alternatives. Each: dishId, name, components, allergens, diets, textures, hot' })
  @IsArray()
  @ArrayMaxSize(30)
  dishes!: unknown[];
}

export class MealDayQuery {
  @ApiProperty({ example: '2026-12-02' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ enum: MEAL_SLOTS })
  @IsIn(MEAL_SLOTS)
  slot!: MealSlotName;
}

export class KitchenMealParams extends MealDayQuery {
  @IsUUID('all', { message: 'kitchenId must be a UUID' })
  kitchenId!: string;
}

export class DistrictMealParams extends MealDayQuery {
  @Matches(/^\d{6}$/, { message: 'districtCode must be 6 digits' })
  districtCode!: string;
}

export class SubscriptionDto {
  @ApiPropertyOptional({ example: '2026-12-03', description: 'First date of the new terms; absent: the first date whose cutoffs have not passed' })
  @IsOptional()
  @IsCalendarDate()
  validFrom: string | null = null;

  @ApiProperty({
    description: 'Any of: slots ({ "lunch": [1,2,3,4,5] }), mode (delivery|canteen), canteenFacilityId, diet, texture, allergens, avoid, deliveryNotes; omitted fields keep their values',
    example: { slots: { lunch: [1, 2, 3, 4, 5] }, diet: 'low-salt', avoid: ['香菜'] },
  })
  @IsObject()
  terms!: Record<string, unknown>;
}

export class PauseDto {
  @ApiProperty({ example: '2026-12-05' })
  @IsCalendarDate()
  from!: string;

  @ApiPropertyOptional({ example: '2026-12-12', description: 'Last paused day; absent: until resumed' })
  @IsOptional()
  @IsCalendarDate()
  until: string | null = null;

  @ApiProperty({ example: 'Visiting the daughter in Suzhou' })
  @IsString()
  @Length(3, 300)
  reason!: string;
}

export class MealChangeDto extends MealDayQuery {
  @ApiProperty({ enum: ['skip', 'extra'] })
  @IsIn(['skip', 'extra'])
  kind!: 'skip' | 'extra';

  @ApiPropertyOptional({ enum: ['delivery', 'canteen'] })
  @IsOptional()
  @IsIn(['delivery', 'canteen'])
  mode: 'delivery' | 'canteen' | null = null;
}

export class OutcomeDto {
  @ApiProperty({ enum: STOP_OUTCOMES })
  @IsIn(STOP_OUTCOMES)
  outcome!: StopOutcomeName;

  @ApiPropertyOptional({ description: 'When it happened at the door; default: now' })
  @IsOptional()
  @IsDateString()
  at: string | null = null;

  @ApiPropertyOptional({ example: 'Neighbour says she went to the clinic' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note: string | null = null;
}

export class CloseFollowUpDto {
  @ApiProperty({ example: 'Reached her daughter: she is in Renji Hospital; meals paused' })
  @IsString()
  @Length(3, 500)
  resolution!: string;
}

export class FollowUpQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all')
  kitchenId: string | null = null;
}

export class SeniorMonthParams {
  @IsUUID('all', { message: 'seniorId must be a UUID' })
  seniorId!: string;

  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month!: string;
}

export class EscalationQuery extends FollowUpQuery {
  @ApiPropertyOptional({ default: true, description: 'Only cases still open' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  open = true;
}

export class EscalationStepDto {
  @ApiProperty({ enum: LADDER_OUTCOMES })
  @IsIn(LADDER_OUTCOMES)
  outcome!: EscalationOutcomeName;

  @ApiPropertyOptional({ example: 'Neighbour let us in: she had fallen asleep, well' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note: string | null = null;
}

export class SlaQuery {
  @ApiProperty({ example: '2026-12-01' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2026-12-31' })
  @IsCalendarDate()
  until!: string;
}

export class WebhookDto {
  @ApiProperty({ example: 'https://kitchen.example.cn/eldercare/lists', nullable: true, description: 'null: stop pushing' })
  @IsOptional()
  @IsString()
  @Length(8, 500)
  url: string | null = null;

  @ApiPropertyOptional({ description: 'HMAC-SHA256 key the kitchen verifies X-Eldercare-Signature with (t=…,v1=hex of HMAC(secret, t + "." + body)); at least 16 characters; never shown again' })
  @IsOptional()
  @IsString()
  @Length(16, 200)
  secret: string | null = null;
}
