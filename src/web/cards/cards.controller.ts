import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/authentication.guard';
import { WebPage } from '../../common/auth/decorators';
import { cardBlocks } from '../../workflow/cards';
import { CardsService } from '../../workflow/cards.service';
import { download } from '../page';
import { PlanContext } from '../plan-context';
import { PlanPages } from '../plan-page';
import { WebExceptionFilter } from '../web-exception.filter';
import { cardsView } from './cards.view';

/** The premises cards: a printable page with a card for each address, and the same cards as a PDF. */
@ApiExcludeController()
@WebPage()
@UseFilters(WebExceptionFilter)
@Controller('plans/:reference')
export class PlanCardsController {
  constructor(
    private readonly pages: PlanPages,
    private readonly cards: CardsService,
  ) {}

  @Get('cards')
  cardsPage(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @PlanContext() context: PlanContext): FastifyReply {
    const view = cardsView(context.plan.reference, cardBlocks(context.plan));
    return this.pages.draw(reply, request, 'cards/cards.njk', 'Premises cards', context, view);
  }

  @Get('cards.pdf')
  async pdf(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @PlanContext({ seen: false }) { plan }: PlanContext,
  ): Promise<FastifyReply> {
    const body = await this.cards.cardsPdf(plan);
    return download(reply, { filename: `${plan.reference}-premises-cards.pdf`, type: 'application/pdf', body });
  }
}
