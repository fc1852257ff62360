// The demo catalogue of the county government service center: 18 departments, the windows of
// HALL1 and about 130 service items, one file per department group.
import { civilAffairsItems } from './items-civil-affairs.ts';
import { constructionItems } from './items-construction.ts';
import { healthEducationItems } from './items-health-education.ts';
import { marketItems } from './items-market.ts';
import { publicSecurityItems } from './items-public-security.ts';
import { realEstateItems } from './items-real-estate.ts';
import { sectorItems } from './items-sectors.ts';
import { socialSecurityItems } from './items-social-security.ts';
import { taxAndFundItems } from './items-tax-fund.ts';

export { departments } from './departments.ts';
export { windows } from './windows.ts';

export const items = [
  ...publicSecurityItems,
  ...marketItems,
  ...socialSecurityItems,
  ...realEstateItems,
  ...taxAndFundItems,
  ...civilAffairsItems,
  ...constructionItems,
  ...healthEducationItems,
  ...sectorItems,
];
