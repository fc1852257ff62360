// Prints every route of the API with its access rule (from the same table OpenAPI is built from).
import { routeTable } from '../server/route.ts';
import '../routes/index.ts';

for (const route of routeTable) console.log(`${route.method.toUpperCase().padEnd(6)} ${route.path.padEnd(62)} ${route.access}`);
