import { Module } from '@nestjs/common';
import { IdentityLoaders } from './identity-loaders';
import { ViewerService } from './viewer.service';

/** Per-request loaders and viewer resolution shared by the identity resolvers. */
@Module({ providers: [IdentityLoaders, ViewerService], exports: [IdentityLoaders, ViewerService] })
export class IdentityCommonModule {}
