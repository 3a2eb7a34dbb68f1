import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config';
import { InstanceKeys } from './instance-keys';

/** Makes the validated configuration, and the keys every instance shares, injectable everywhere. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: InstanceKeys, useFactory: () => InstanceKeys.load(config) },
      ],
      exports: [AppConfig, InstanceKeys],
    };
  }
}
