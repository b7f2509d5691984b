import { Body, Controller, HttpCode, Ip, Post, UseInterceptors } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from '@app/http';
import { RefreshRequestDto, TokenRequestDto, TokenResponse } from './auth.dto';
import { AuthService } from './auth.service';
import { RetryAfterInterceptor } from './retry-after.interceptor';

@ApiTags('auth')
@Controller('v1/auth')
@UseInterceptors(RetryAfterInterceptor)
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /**
   * Exchanges a username and password for a short-lived access token and a refresh token. Repeated
   * failures lock the username (and the caller's address) for a while: 429 LOGIN_LOCKED with Retry-After.
   */
  @Post('token')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: TokenResponse })
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS' })
  @ApiTooManyRequestsResponse({ description: 'LOGIN_LOCKED (too many failed sign-ins) or RATE_LIMITED, with Retry-After' })
  token(@Body() dto: TokenRequestDto, @Ip() ip: string): Promise<TokenResponse> {
    return this.auth.issueToken(dto.username, dto.password, ip);
  }

  /**
   * Exchanges a refresh token for a new access token and the next refresh token; the one presented
   * is used up. Presenting a used one again revokes every token of that sign-in: 401 REFRESH_TOKEN_REUSED.
   */
  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: TokenResponse })
  @ApiUnauthorizedResponse({ description: 'REFRESH_TOKEN_REUSED (the sign-in is now revoked) or REFRESH_TOKEN_INVALID (unknown, expired, revoked, or the account is disabled)' })
  refresh(@Body() dto: RefreshRequestDto): Promise<TokenResponse> {
    return this.auth.refresh(dto.refreshToken);
  }

  /** Signs out: every refresh token of the sign-in stops working (access tokens run out on their own). */
  @Post('logout')
  @HttpCode(204)
  @Public()
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiUnauthorizedResponse({ description: 'REFRESH_TOKEN_INVALID: unknown refresh token' })
  async logout(@Body() dto: RefreshRequestDto): Promise<void> {
    await this.auth.logout(dto.refreshToken);
  }
}
