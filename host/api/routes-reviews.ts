import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { operations } from '../../contracts/api';
import type { StaffAuth } from '../auth/staff-auth';
import type { ReviewService } from '../reviews/review-service';
import { staffOf } from './auth-guard';
import { router } from './route';

export interface ReviewRouteDeps {
  reviews: ReviewService;
  auth: StaffAuth;
}

/** 差评整改回访: the list, the rates and each step of the loop, for supervisors (host/reviews). */
export function reviewRoutes(deps: ReviewRouteDeps): FastifyPluginAsyncZod {
  const { reviews } = deps;
  return async (app) => {
    const route = router(app, { auth: deps.auth });

    route(operations.reviews, async (req) => reviews.list(req.query));
    route(operations.reviewSummary, async () => reviews.summary());
    route(operations.reviewRates, async (req) => reviews.rates(req.query));
    route(operations.review, async (req) => reviews.detail(req.params.evaluationId));

    route(operations.assignReview, async (req) => reviews.assign(req.params.evaluationId, req.body, staffOf(req)));
    route(operations.verifyReview, async (req) => reviews.verify(req.params.evaluationId, req.body, staffOf(req)));
    route(operations.rectifyReview, async (req) => reviews.rectify(req.params.evaluationId, req.body, staffOf(req)));
    route(operations.callbackReview, async (req) => reviews.callback(req.params.evaluationId, req.body, staffOf(req)));
    route(operations.appealReview, async (req) => reviews.appeal(req.params.evaluationId, req.body, staffOf(req)));
    route(operations.decideReviewAppeal, async (req) => reviews.decide(req.params.evaluationId, req.body, staffOf(req)));
    route(operations.closeReview, async (req) => reviews.close(req.params.evaluationId, staffOf(req)));
  };
}
