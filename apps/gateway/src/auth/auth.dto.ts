import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { REFRESH_TOKEN_FORMAT } from './refresh-token';

export class TokenRequestDto {
  @ApiProperty({ example: 'wang.li' })
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  password!: string;
}

export class RefreshRequestDto {
  @ApiProperty({ description: 'The refresh token from the last /v1/auth/token or /v1/auth/refresh answer', example: 'ecr_…' })
  @IsString()
  @Matches(REFRESH_TOKEN_FORMAT, { message: 'refreshToken must be a refresh token as issued ("ecr_" and 43 base64url characters)' })
  refreshToken!: string;
}

export class TokenResponse {
  @ApiProperty({ description: 'Bearer access token (JWT)' })
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Seconds until the access token expires' })
  expiresIn!: number;

  @ApiProperty({ description: 'Opaque, single-use: exchange it at /v1/auth/refresh for the next pair. Presenting it twice signs the whole session out.' })
  refreshToken!: string;

  @ApiProperty({ description: 'Seconds until the refresh token expires' })
  refreshExpiresIn!: number;
}
