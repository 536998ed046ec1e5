import { Module } from '@nestjs/common';
import { IdentityCommonModule } from '../common/common.module';
import { OrganizationsResolver } from './organizations.resolver';
import { OrganizationsService } from './organizations.service';

@Module({
  imports: [IdentityCommonModule],
  providers: [OrganizationsService, OrganizationsResolver],
})
export class OrganizationsModule {}
