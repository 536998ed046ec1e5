import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { clientAddressOf } from '@ttm/auth';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import { UserEntity } from '../users/user.entity';
import { AuthService } from './auth.service';

/** passport-local over the login mutation's input (see LocalLoginGuard); failures are counted per client address. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', session: false, passReqToCallback: true });
  }

  validate(req: Request, email: string, password: string): Promise<UserEntity> {
    return this.auth.verifyCredentials(email, password, clientAddressOf(req));
  }
}
