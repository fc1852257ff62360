// Open311 GeoReport v2 (JSON) with the specification's own field names.
import { z } from 'zod';

export const ServiceParams = z.object({ code: z.string().trim().min(1).max(40) });
export const RequestIdParams = z.object({ id: z.string().trim().min(1).max(64) });

const optionalText = (max: number) => z.string().trim().max(max).optional();
const coordinate = (min: number, max: number) => z.coerce.number().min(min).max(max).optional();
/** POST requests.json: form-encoded (or JSON) as the specification's example posts it. */
export const PostRequestBody = z
  .object({
    api_key: z.string().trim().min(1, '缺少 api_key').max(200),
    service_code: z.string().trim().min(1, '缺少 service_code').max(40),
    lat: coordinate(-90, 90),
    long: coordinate(-180, 180),
    address_string: optionalText(200),
    address_id: optionalText(60),
    email: optionalText(120),
    device_id: optionalText(120),
    account_id: optionalText(120),
    first_name: optionalText(40),
    last_name: optionalText(40),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 -]{5,20}$/, '电话号码格式不正确')
      .optional(),
    description: optionalText(4000),
    media_url: z.url('media_url 不是有效的地址').max(500).optional(),
  })
  .refine((body) => (body.lat !== undefined && body.long !== undefined) || !!body.address_string || !!body.address_id, {
    message: '须提供位置：lat 与 long，或 address_string，或 address_id',
    path: ['lat'],
  })
  .meta({
    example: {
      api_key: 'xyz',
      service_code: 'CXJS-SZSS',
      lat: 37.76524078,
      long: -122.4212043,
      address_string: '1234 5th street',
      email: 'smit222@sfgov.edu',
      device_id: 'tt222111',
      account_id: '123456',
      first_name: 'john',
      last_name: 'smith',
      phone: '111111111',
      description: 'A large sinkhole is destroying the street',
      media_url: 'http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg',
    },
  });

export const RequestsQuery = z.object({
  service_request_id: z.string().trim().max(2000).optional().describe('comma-delimited ids; when given, the other filters are ignored'),
  service_code: z.string().trim().max(400).optional().describe('comma-delimited codes'),
  start_date: z.iso.datetime({ offset: true, message: 'start_date 须为带时区的 ISO 8601 时间' }).optional(),
  end_date: z.iso.datetime({ offset: true, message: 'end_date 须为带时区的 ISO 8601 时间' }).optional(),
  status: z.string().trim().max(20).optional().describe('open, closed or both (comma-delimited)'),
});

export const ServiceOut = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
});
export const ServiceDefinitionOut = z.object({ service_code: z.string(), attributes: z.array(z.object({ code: z.string() })) });
export const PostedOut = z.array(z.object({ service_request_id: z.string(), service_notice: z.string(), account_id: z.string().nullable() }));
export const RequestOut = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string().nullable(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string().nullable(),
  agency_responsible: z.string().nullable(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable(),
  address: z.string().nullable(),
  address_id: z.string().nullable(),
  zipcode: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().nullable(),
});
export const TokenOut = z.array(z.object({ service_request_id: z.string().nullable(), token: z.string() }));
