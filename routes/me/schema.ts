// Request and answer schemas of the citizen's own profile.
import { z } from 'zod';

/**
 * Han characters (CJK unified ideographs with extensions A–H and compatibility ideographs, the
 * rare ones as UTF-16 surrogate pairs), letters, spaces and the middle dot of minority names.
 * Written without regex flags, so that the OpenAPI pattern means the same in every client.
 */
const PERSON_NAME = /^(?:[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff·A-Za-z ]|[\ud840-\ud88f][\udc00-\udfff])+$/;

export const ProfileOut = z.object({
  id: z.string(),
  verified: z.boolean(),
  name: z.string().nullable().meta({ example: '张*三' }),
  idNumber: z.string().nullable().meta({ example: '3301**********1234' }),
  phone: z.string().nullable().meta({ example: '138****5678' }),
  bannedUntil: z.string().nullable(),
});

export const ProfileInput = z
  .object({
    name: z.string().trim().min(2).max(30).regex(PERSON_NAME, '姓名只能包含汉字、字母和间隔号'),
    idNumber: z.string().trim().min(15).max(20),
    phone: z
      .string()
      .trim()
      .regex(/^1[3-9]\d{9}$/, '手机号码格式不正确'),
  })
  .meta({ example: { name: '张小三', idNumber: '11010519491231002X', phone: '13812345678' } });

/** The code of the mini-program's phone-number button (getPhoneNumber). */
export const PhoneCodeBody = z
  .object({
    code: z
      .string()
      .trim()
      .min(1)
      .max(128)
      .regex(/^[A-Za-z0-9_-]+$/, '凭证格式不正确'),
  })
  .meta({ example: { code: '0e3b1c5a7d9f4e2b8a6c' } });
