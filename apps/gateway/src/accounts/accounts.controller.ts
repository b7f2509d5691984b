import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/contracts';
import { Access, CurrentActor, UuidParam } from '@app/http';
import { AccountView, CreateAccountDto, CreateApiKeyDto } from './accounts.dto';
import { AccountsService } from './accounts.service';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('v1/accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Post()
  @Access({ roles: ['admin'] })
  create(@Body() dto: CreateAccountDto): Promise<AccountView> {
    return this.accounts.create(dto);
  }

  @Get('me')
  @Access({ roles: ['admin', 'planner', 'assessor', 'operator', 'kitchen', 'courier', 'caregiver', 'family'] })
  me(@CurrentActor() actor: Actor): Promise<AccountView> {
    return this.accounts.get(actor.accountId);
  }

  @Post(':accountId/api-keys')
  @Access({ roles: ['admin'] })
  createApiKey(@UuidParam('accountId') accountId: string, @Body() dto: CreateApiKeyDto): Promise<{ apiKeyId: string; apiKey: string }> {
    return this.accounts.createApiKey(accountId, dto.label);
  }
}
