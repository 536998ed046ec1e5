import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { RegistrationCodes } from './registration-codes.service';
import { RegistrationMailer } from './registration-mailer.service';
import { RegistrationResolver } from './registration.resolver';
import { RegistrationService } from './registration.service';
import { RegistrationThrottle } from './registration-throttle.service';

/** E-mailed registration codes (邮箱验证码) and the sign-up form's options. */
@Module({
  imports: [UsersModule],
  providers: [RegistrationService, RegistrationResolver, RegistrationCodes, RegistrationThrottle, RegistrationMailer],
  exports: [RegistrationService],
})
export class RegistrationModule {}
