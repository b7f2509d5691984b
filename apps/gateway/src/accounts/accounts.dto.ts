import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import { Role, ROLES } from '@app/contracts';

export class CreateAccountDto {
  @ApiProperty({ example: 'wang.li', description: 'Sign-in name: letters, digits, dots, dashes, underscores' })
  @Matches(/^[A-Za-z0-9._-]{3,64}$/, { message: 'username must be 3–64 letters, digits, dots, dashes or underscores' })
  username!: string;

  @ApiProperty({ example: '王丽' })
  @IsString()
  @Length(1, 100)
  displayName!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @Length(12, 200)
  password!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({ type: [String], description: 'Facilities an operator may act on' })
  @ValidateIf((_, value: unknown) => value !== undefined) // absent is [], null is refused (the column is NOT NULL)
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('4', { each: true })
  facilityIds: string[] = [];

  @ApiPropertyOptional({ type: [String], description: 'Kitchens a kitchen account may act on' })
  @ValidateIf((_, value: unknown) => value !== undefined) // absent is [], null is refused (the column is NOT NULL)
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('4', { each: true })
  kitchenIds: string[] = [];
}

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Xinzhuang canteen printer' })
  @IsString()
  @Length(1, 100)
  label!: string;
}

export interface AccountView {
  accountId: string;
  username: string;
  displayName: string;
  roles: Role[];
  facilityIds: string[];
  kitchenIds: string[];
  createdAt: string;
}
