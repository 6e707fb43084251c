/** Funnel analytics as pure functions over pre-aggregated rows (services/funnel does the SQL). */
export * from './breakdown';
export * from './cells';
export * from './losses';
export * from './months';
export * from './numbers';
export * from './outcomes';
export * from './report';
export * from './stages';
export * from './trend';
