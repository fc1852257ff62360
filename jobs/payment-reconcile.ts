// Payments whose notify never came: open orders older than a few minutes are queried at WeChat
// Pay and settled if paid, or closed once expired and unpaid; refunds still processing are
// queried too. Bounded batches on indexed scans; safe to run twice, and safe beside a notify: both
// settle through settleOrder, whose guarded update lets only one of them apply the payment.
import { findQuietOpenOrders } from '../models/payment-order.ts';
import { findQuietRefunds } from '../models/payment-refund.ts';
import { config, paymentsEnabled } from '../server/config.ts';
import { logger } from '../server/logger.ts';
import { reconcileRefund } from '../services/payments/refunds.ts';
import { reconcileOrder } from '../services/payments/settle.ts';
import type { Job } from './types.ts';

/** A notify normally arrives within seconds; after this long we ask. */
const QUIET_MS = 5 * 60_000;
const BATCH = 100;

export const paymentReconcileJob: Job = {
  name: 'payment-reconcile',
  schedule: '*/5 * * * *',
  async run(now) {
    const counts = { checked: 0, settled: 0, closed: 0, refundsChecked: 0, refundsSettled: 0, errors: 0 };
    if (!paymentsEnabled(config)) return counts;
    const quietSince = new Date(now.getTime() - QUIET_MS);
    const orders = await findQuietOpenOrders(quietSince, BATCH).lean();
    for (const order of orders) {
      counts.checked++;
      try {
        const outcome = await reconcileOrder(order, now);
        if (outcome !== 'pending') counts[outcome]++;
      } catch (error) {
        counts.errors++;
        logger.warn({ err: error, orderId: String(order._id) }, 'payment reconcile failed for an order');
      }
    }
    const refunds = await findQuietRefunds(quietSince, BATCH).lean();
    for (const refund of refunds) {
      counts.refundsChecked++;
      try {
        if ((await reconcileRefund(refund, now)) === 'applied') counts.refundsSettled++;
      } catch (error) {
        counts.errors++;
        logger.warn({ err: error, refundId: String(refund._id) }, 'refund reconcile failed');
      }
    }
    return counts;
  },
};
