import { BadRequestException, Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ServiceAuthGuard } from '@ttm/auth';
import { MAX_USER_CONTACT_IDS, UserContactsPage } from '@ttm/events';
import { isUuid } from '../common/uuid';
import { UsersService } from './users.service';

/** Internal routes for other services (service token only; never exposed through the gateway). */
@Controller('internal')
@UseGuards(ServiceAuthGuard)
export class InternalUsersController {
  constructor(private readonly users: UsersService) {}

  /** `GET /internal/users?ids=<id>,<id>…` (at most 100): e-mail address and display name of each user found. */
  @Get('users')
  async contacts(@Query('ids') ids?: string): Promise<UserContactsPage> {
    const list = (ids ?? '').split(',').map((id) => id.trim()).filter((id) => id !== '');
    if (list.length === 0 || list.length > MAX_USER_CONTACT_IDS || !list.every(isUuid)) {
      throw new BadRequestException(`ids must be 1 to ${MAX_USER_CONTACT_IDS} user ids separated by commas`);
    }
    const found = new Map((await this.users.findByIds(list.map((id) => id.toLowerCase()))).map((user) => [user.id, user]));
    const users = list.flatMap((id) => {
      const user = found.get(id.toLowerCase());
      return user ? [{ id: user.id, email: user.email, displayName: user.displayName }] : [];
    });
    return { users };
  }
}
