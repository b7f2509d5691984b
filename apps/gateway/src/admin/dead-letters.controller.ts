import { Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access } from '@app/http';
import { DeadLettersService, DeadLetterView } from './dead-letters.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('v1/admin/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @Get()
  @Access({ roles: ['admin'] })
  list(): Promise<DeadLetterView[]> {
    return this.deadLetters.list(200);
  }

  @Post(':queue/:jobId/retry')
  @Access({ roles: ['admin'] })
  retry(@Param('queue') queue: string, @Param('jobId') jobId: string): Promise<DeadLetterView> {
    return this.deadLetters.retry(queue, jobId);
  }
}
