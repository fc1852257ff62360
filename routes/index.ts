// Every router of the API, one line each. Order matters only for overlapping paths.
import type Router from '@koa/router';
import type { AppState } from '../server/state.ts';
import { healthRouter } from './health/router.ts';
import { docsRouter } from './docs/router.ts';
import { catalogueRouter } from './catalogue/router.ts';
import { staffAuthRouter } from './staff-auth/router.ts';
import { adminCatalogueRouter } from './admin/catalogue-router.ts';
import { citizenAuthRouter } from './citizen-auth/router.ts';
import { meRouter } from './me/router.ts';
import { oversightRouter } from './admin/oversight-router.ts';
import { applicationsRouter } from './applications/router.ts';
import { staffApplicationsRouter } from './staff-applications/router.ts';
import { staffFeesRouter } from './staff-applications/fee-router.ts';
import { rectificationsRouter } from './staff-applications/rectification-router.ts';
import { paymentsRouter } from './payments/router.ts';
import { slotsRouter } from './slots/router.ts';
import { appointmentsRouter } from './appointments/router.ts';
import { adminHolidaysRouter } from './admin/holidays-router.ts';
import { adminSchedulesRouter } from './admin/schedules-router.ts';
import { staffQueueRouter } from './staff-queue/router.ts';
import { staffQueueSteeringRouter } from './staff-queue/steering-router.ts';
import { screensRouter } from './screens/router.ts';
import { adminScreensRouter } from './admin-screens/router.ts';
import { adminJobsRouter } from './admin-jobs/router.ts';
import { publicProgressRouter } from './public-progress/router.ts';
import { screenPageRouter } from './screen-page/router.ts';
import { staffPageRouter } from './staff-page/router.ts';
import { adminDashboardRouter } from './admin/dashboard-router.ts';
import { adminStaffRouter } from './admin-staff/router.ts';
import { adminWebhooksRouter } from './admin-webhooks/router.ts';
import { publicSiteRouter } from './public-site/router.ts';
import { libraryRouter } from './library/router.ts';
import { bundlesRouter } from './bundles/router.ts';
import { adminMaterialTypesRouter } from './admin-material-types/router.ts';
import { hotlineRouter } from './hotline/citizen-router.ts';
import { staffHotlineRouter } from './hotline/staff-router.ts';
import { adminHotlineRouter, publicHotlineRouter } from './hotline/admin-router.ts';
import { open311Router } from './open311/router.ts';
import { figuresRouter } from './admin/figures-router.ts';
import { adminExportsRouter } from './admin/exports-router.ts';
import { adminImportsRouter } from './admin/imports-router.ts';

export const routers: Router<AppState>[] = [
  healthRouter,
  docsRouter,
  catalogueRouter,
  staffAuthRouter,
  adminCatalogueRouter,
  citizenAuthRouter,
  meRouter,
  oversightRouter,
  applicationsRouter,
  staffApplicationsRouter,
  staffFeesRouter,
  rectificationsRouter,
  paymentsRouter,
  slotsRouter,
  appointmentsRouter,
  adminHolidaysRouter,
  adminSchedulesRouter,
  staffQueueRouter,
  staffQueueSteeringRouter,
  screensRouter,
  adminScreensRouter,
  adminJobsRouter,
  publicProgressRouter,
  screenPageRouter,
  staffPageRouter,
  adminDashboardRouter,
  adminStaffRouter,
  adminWebhooksRouter,
  publicSiteRouter,
  libraryRouter,
  bundlesRouter,
  adminMaterialTypesRouter,
  hotlineRouter,
  staffHotlineRouter,
  adminHotlineRouter,
  publicHotlineRouter,
  open311Router,
  figuresRouter,
  adminExportsRouter,
  adminImportsRouter,
];
