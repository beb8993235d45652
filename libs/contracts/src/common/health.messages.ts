import { IsOptional, IsString } from 'class-validator';

export const ComponentStatus = { UP: 'up', DOWN: 'down' } as const;
export type ComponentStatus = (typeof ComponentStatus)[keyof typeof ComponentStatus];

/** Sent by the gateway to ask a service (any one replica) how it and its database are. */
export class HealthCheckRequest {
  @IsOptional()
  @IsString()
  from?: string;
}

export interface ComponentHealth {
  status: ComponentStatus;
  latencyMs?: number;
  error?: string;
}

export interface HealthReply {
  service: string;
  instance: string;
  database: ComponentHealth;
}
