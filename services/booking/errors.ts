// The booking refusals of the contract, with their Chinese messages.
import { AppError, conflict } from '../../server/errors.ts';

export const slotFull = () => conflict('SLOT_FULL', '该时段已约满');
export const duplicateBooking = () => conflict('DUPLICATE_BOOKING', '您当天已预约该事项，请勿重复预约');
export const tooManyBookings = (limit: number) => conflict('TOO_MANY_BOOKINGS', `您已有${limit}个未完成的预约，请先办理或取消`, { limit });
export const bookingBanned = (bannedUntil: string) => conflict('BOOKING_BANNED', `因多次预约未到，${bannedUntil}前暂停网上预约`, { bannedUntil });
export const bookingClosed = () => conflict('BOOKING_CLOSED', '该时段已停止预约');
export const cancelClosed = (minutes: number) => conflict('CANCEL_CLOSED', `距预约开始不足${minutes}分钟，已不能取消或改约`, { cutoffMinutes: minutes });
export const profileRequired = () => new AppError(403, 'PROFILE_REQUIRED', '请先完成实名认证');
export const slotNotForItem = () => new AppError(400, 'SLOT_ITEM_MISMATCH', '该时段不办理此事项');
export const bookingNotOffered = () => conflict('BOOKING_NOT_OFFERED', '该事项不提供网上预约');
export const requestInProgress = () => conflict('REQUEST_IN_PROGRESS', '相同的预约请求正在处理中，请稍候');
