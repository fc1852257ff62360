// GeoReport v2 answers: the specification's field names, masked public data only.
import type { HotlineCategory } from '../../models/hotline-category.ts';
import type { HotlineRequestDoc } from '../../models/hotline-request.ts';
import { geoReportStatus, maskText } from '../../services/hotline/public-view.ts';

export const SERVICE_NOTICE = '已受理，承办部门将在规定的工作日内答复';

export function presentService(category: HotlineCategory, parents: Map<string, string>) {
  return {
    service_code: category.code,
    service_name: category.name,
    description: category.parent ? `${parents.get(category.parent) ?? category.parent}/${category.name}` : category.name,
    metadata: false,
    type: 'realtime' as const,
    keywords: [category.name, category.parent ? parents.get(category.parent) : null].filter(Boolean).join(', '),
    group: category.parent ? (parents.get(category.parent) ?? category.parent) : category.name,
  };
}

export function presentRequest(request: HotlineRequestDoc, names: { categories: Map<string, string>; departments: Map<string, string> }) {
  const lastReply = request.replies.at(-1);
  return {
    service_request_id: request.number,
    status: geoReportStatus(request),
    status_notes: request.mergedInto ? `重复诉求，已并入 ${request.mergedInto}` : lastReply ? `${lastReply.outcome}：${maskText(lastReply.text)}` : null,
    service_name: names.categories.get(request.category) ?? request.category,
    service_code: request.category,
    description: maskText(request.text),
    agency_responsible: request.department ? (names.departments.get(request.department) ?? request.department) : null,
    service_notice: null,
    requested_datetime: request.receivedAt.toISOString(),
    updated_datetime: (request.updatedAt ?? request.receivedAt).toISOString(),
    expected_datetime: request.replyDue.toISOString(),
    address: request.location?.address || null,
    address_id: null,
    zipcode: null,
    lat: request.location?.lat ?? null,
    long: request.location?.long ?? null,
    media_url: null,
  };
}
