import { ApiProperty } from '@nestjs/swagger';
import { IsObject, Matches } from 'class-validator';
import { IsCalendarDate } from '@app/http';

/** A new version of a district's policy (meals, home-care visits): named, dated, never changed once published. */
export class PolicyVersionDto {
  @ApiProperty({ example: '2027' })
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'version must be 1–64 letters, digits or ._-' })
  version!: string;

  @ApiProperty({ example: '2027-01-01' })
  @IsCalendarDate()
  effectiveFrom!: string;

  @ApiProperty({ description: 'The policy document; GET the one in force to see every field. Every problem is named by its path.' })
  @IsObject()
  policy!: Record<string, unknown>;
}
