// Request and answer schemas of staff account management.
import { z } from 'zod';
import { STAFF_ROLES } from '../../server/auth/principal.ts';
import { PageQuery } from '../../server/pagination.ts';
import { Code } from '../admin/catalogue-schema.ts';

export const Password = z.string().min(10, '密码至少 10 位').max(128);

export const StaffIdParams = z.object({ id: z.string().regex(/^[0-9a-fA-F]{24}$/, '无效的编号') });
export const StaffListQuery = PageQuery.extend({ department: Code.optional(), role: z.enum(STAFF_ROLES).optional() });

export const StaffCreate = z
  .object({
    username: z
      .string()
      .trim()
      .min(3)
      .max(64)
      .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字、点、下划线和连字符'),
    name: z.string().trim().min(1).max(40),
    role: z.enum(STAFF_ROLES),
    department: Code.nullable().default(null),
    windows: z.array(Code).max(20).default([]),
    password: Password,
  })
  .strict()
  .meta({ example: { username: 'ga_window_03', name: '李娜', role: 'window', department: 'GA', windows: ['A03'], password: 'Temp-2026-ga03' } });

export const StaffPatch = z
  .object({
    name: z.string().trim().min(1).max(40).optional(),
    role: z.enum(STAFF_ROLES).optional(),
    department: Code.nullable().optional(),
    windows: z.array(Code).max(20).optional(),
  })
  .strict()
  .meta({ example: { role: 'dept_admin', windows: [] } });

export const PasswordReset = z
  .object({ password: Password })
  .strict()
  .meta({ example: { password: 'Reset-2026-temp' } });

export const OwnPasswordChange = z
  .object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(128), newPassword: Password })
  .strict()
  .meta({ example: { username: 'ga_window_03', password: 'Temp-2026-ga03', newPassword: 'my-own-Secret-77' } });

export const StaffOut = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  department: z.string().nullable(),
  windows: z.array(z.string()),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  locked: z.boolean().optional(),
});
