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
import { rectificationsRouter } from './staff-applications/rectification-router.ts';
import { paymentsRouter } from './payments/router.ts';
import { slotsRouter } from './slots/router.ts';
import { appointmentsRouter } from './appointments/router.ts';
import { adminHolidaysRouter } from './admin/holidays-router.ts';
import { adminSchedulesRouter } from './admin/schedules-router.ts';
import { staffQueueRouter } from './staff-queue/router.ts';
import { screensRouter } from './screens/router.ts';
import { adminScreensRouter } from './admin-screens/router.ts';
import { adminJobsRouter } from './admin-jobs/router.ts';
import { publicProgressRouter } from './public-progress/router.ts';
import { screenPageRouter } from './screen-page/router.ts';
import { adminDashboardRouter } from './admin/dashboard-router.ts';
import { adminStaffRouter } from './admin-staff/router.ts';
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
  rectificationsRouter,
  paymentsRouter,
  slotsRouter,
  appointmentsRouter,
  adminHolidaysRouter,
  adminSchedulesRouter,
  staffQueueRouter,
  screensRouter,
  adminScreensRouter,
  adminJobsRouter,
  publicProgressRouter,
  screenPageRouter,
  adminDashboardRouter,
  adminStaffRouter,
  figuresRouter,
  adminExportsRouter,
  adminImportsRouter,
];
