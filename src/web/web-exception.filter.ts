import { ArgumentsHost, Catch, ExceptionFilter, HttpException, NotFoundException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../auth/authentication.guard';
import { DomainError } from '../common/errors/domain-error';
import { AllExceptionsFilter } from '../http/all-exceptions.filter';
import { render } from './page';

const PAGES: Record<number, { pageTitle: string; heading: string; paragraphs?: string[] }> = {
  404: {
    pageTitle: 'Page not found',
    heading: 'Page not found',
    paragraphs: [
      'If you typed the web address, check it is correct.',
      'If the address is right, this plan may not be shared with your agency: ask the coordinator who owns it.',
    ],
  },
  403: { pageTitle: 'You cannot do this', heading: 'You cannot do this' },
  429: { pageTitle: 'Too many attempts', heading: 'Too many attempts' },
  503: {
    pageTitle: 'Sorry, the service is unavailable',
    heading: 'Sorry, the service is unavailable',
    paragraphs: ['Try again in a few minutes.'],
  },
};

/**
 * Errors on the web UI's pages as pages: the sign-in page when the session has ended, the 404
 * page (also for a plan the user may not see), and a 500 page naming the request id, with no
 * stack. What it reports and logs comes from the API's filter, so both say the same.
 */
@Catch()
export class WebExceptionFilter extends AllExceptionsFilter implements ExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    this.replyPage(exception, host);
  }

  protected replyPage(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<AuthenticatedRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof DomainError && exception.code === 'UNAUTHENTICATED') {
      const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
      reply.code(303).header('location', `/sign-in${next}`).send();
      return;
    }
    // A one-time password an admin issued is replaced first: the account page says why.
    if (exception instanceof DomainError && exception.code === 'PASSWORD_CHANGE_REQUIRED') {
      reply.code(303).header('location', '/account').send();
      return;
    }
    const body = this.toBody(
      exception instanceof HttpException && exception.getStatus() === 404 ? DomainError.notFound('Page') : exception,
      request,
    );
    const page = PAGES[body.statusCode];
    if (body.statusCode >= 500 && body.statusCode !== 503) {
      render(
        reply,
        request,
        'error.njk',
        {
          pageTitle: 'Sorry, there is a problem with the service',
          heading: 'Sorry, there is a problem with the service',
          paragraphs: ['Try again later. Nothing you sent was saved.'],
          requestIdShown: true,
        },
        500,
      );
      return;
    }
    render(
      reply,
      request,
      'error.njk',
      page
        ? { ...page, paragraphs: page.paragraphs ?? [body.message] }
        : { pageTitle: 'There is a problem', heading: 'There is a problem', paragraphs: [body.message] },
      body.statusCode,
    );
  }
}

/** An address no route answers, in words; the method and path it was asked for go in the details, for whoever wrote the request. */
function nothingAt(request: AuthenticatedRequest): DomainError {
  return new DomainError('NOT_FOUND', 'Nothing is at this address: check the method and the path', {
    method: request.method,
    path: request.url.split('?')[0],
  });
}

/**
 * The app's last word on every error: the contract's JSON, except that a browser asking for a
 * page at an address that does not exist gets the 404 page (pages of the UI have their own filter).
 */
@Catch()
export class SiteExceptionFilter extends WebExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<AuthenticatedRequest>();
    const unmatched = exception instanceof NotFoundException && !request.routeOptions?.url;
    const wantsPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (unmatched && wantsPage) this.replyPage(exception, host);
    else if (unmatched) this.replyJson(nothingAt(request), host);
    else this.replyJson(exception, host);
  }
}
