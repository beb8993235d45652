/** The services behind the gateway, by the name used in subjects, logs and health reports. */
export const ServiceName = {
  IDENTITY: 'identity',
  APPLICATIONS: 'applications',
  DOCUMENTS: 'documents',
} as const;
export type ServiceName = (typeof ServiceName)[keyof typeof ServiceName];

/** Each service's replicas subscribe in this queue group, so one replica answers each request. */
export function queueGroupOf(service: ServiceName): string {
  return `${service}-service`;
}
