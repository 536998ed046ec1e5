import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ensureSchema, serviceDataSourceOptions, ServiceDatabaseOptions } from './data-source';

/** Connects a service to its own schema and applies its migrations before the service starts serving. */
@Module({})
export class DatabaseModule {
  static forService(options: ServiceDatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => serviceDataSourceOptions(options),
          dataSourceFactory: async (dataSourceOptions = serviceDataSourceOptions(options)) => {
            await ensureSchema(options.url, options.schema);
            return new DataSource(dataSourceOptions).initialize();
          },
        }),
      ],
    };
  }
}
