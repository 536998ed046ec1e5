import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { UserEntity } from '../users/user.entity';
import { AuthService } from './auth.service';

/** passport-local over the login mutation's input (see LocalLoginGuard). */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', session: false });
  }

  validate(email: string, password: string): Promise<UserEntity> {
    return this.auth.verifyCredentials(email, password);
  }
}
