import { ApiProperty } from '@nestjs/swagger';

export class CalendarFeedCreatedView {
  @ApiProperty({
    example: 'https://planner.example/calendar/3q2-7wEjTnqWBJmZ_cBGr0kX9lnyw5sWl5L5bq7mFPc.ics',
    description:
      'The secret address to subscribe to, absolute, on the host and protocol the request came to. Shown only this once: only its hash is kept. A new one replaces the old.',
  })
  url: string;

  @ApiProperty({ description: 'When the feed was made' }) createdAt: string;
}

export class CalendarFeedStateView {
  @ApiProperty({ description: 'Whether the caller has a live feed (its address is never shown again)' }) exists: boolean;
  @ApiProperty({ nullable: true, type: String }) createdAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When a calendar app last read it (to the hour)' }) lastUsedAt: string | null;
}
