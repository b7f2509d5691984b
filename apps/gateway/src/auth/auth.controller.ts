import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@app/http';
import { TokenRequestDto, TokenResponse } from './auth.dto';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Exchanges a username and password for a short-lived access token. */
  @Post('token')
  @HttpCode(200)
  @Public()
  token(@Body() dto: TokenRequestDto): Promise<TokenResponse> {
    return this.auth.issueToken(dto.username, dto.password);
  }
}
