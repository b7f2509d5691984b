import { Body, Controller, Delete, Get, HttpCode, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { Actor } from '@app/contracts';
import { Access, CurrentActor } from '@app/http';
import { type FamilyWebhookDeliveryView, FamilyWebhooksService, type FamilyWebhookView } from './family-webhooks.service';

export class FamilyWebhookDto {
  @ApiProperty({ example: 'https://app.example.cn/hooks/eldercare' })
  @IsString()
  @Length(8, 500)
  url!: string;

  @ApiProperty({ description: 'At least 16 characters; the app checks X-Eldercare-Signature (t=…,v1=HMAC-SHA256 of "t.body") with it' })
  @IsString()
  @Length(16, 200)
  secret!: string;
}

/** A family account's webhook for its seniors' booking status changes, and the log of every delivery. */
@ApiTags('bookings')
@ApiBearerAuth()
@Controller('v1/accounts/me/webhook')
export class FamilyWebhooksController {
  constructor(private readonly webhooks: FamilyWebhooksService) {}

  @Put()
  @Access({ roles: ['family'], audit: 'family-webhook.set' })
  set(@Body() dto: FamilyWebhookDto, @CurrentActor() actor: Actor): Promise<FamilyWebhookView> {
    return this.webhooks.set(actor.accountId, dto.url, dto.secret);
  }

  @Get()
  @Access({ roles: ['family'] })
  get(@CurrentActor() actor: Actor): Promise<FamilyWebhookView> {
    return this.webhooks.get(actor.accountId);
  }

  @Delete()
  @HttpCode(204)
  @Access({ roles: ['family'], audit: 'family-webhook.remove' })
  remove(@CurrentActor() actor: Actor): Promise<void> {
    return this.webhooks.remove(actor.accountId);
  }

  /** Newest first, each with every attempt: when, the app's HTTP status, what went wrong. */
  @Get('deliveries')
  @Access({ roles: ['family'] })
  deliveries(@CurrentActor() actor: Actor): Promise<FamilyWebhookDeliveryView[]> {
    return this.webhooks.deliveries(actor.accountId);
  }
}
