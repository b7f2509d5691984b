import { Param, type PipeTransform } from '@nestjs/common';
import { DomainError } from '@app/contracts';

const DISTRICT_CODE = /^\d{6}$/;

class DistrictCodePipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!DISTRICT_CODE.test(value)) throw new DomainError('VALIDATION_FAILED', `${this.name} must be a 6-digit administrative division code`, [{ field: this.name, problems: ['must be 6 digits (e.g. 310112)'] }]);
    return value;
  }
}

/** A route parameter that must be a district's 6-digit administrative division code (行政区划代码). */
export const DistrictCodeParam = (name = 'districtCode'): ParameterDecorator => Param(name, new DistrictCodePipe(name));
