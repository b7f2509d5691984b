import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ErasureRequestDto {
  @ApiProperty({ example: 'Written request of the guardian (daughter) of 2026-11-30, identity checked at the Xinzhuang hub' })
  @IsString()
  @Length(5, 500)
  reason!: string;
}
