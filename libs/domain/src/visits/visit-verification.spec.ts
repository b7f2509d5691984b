import { DEFAULT_VISIT_POLICY } from './visit-policy';
import { doorCodeHash, verifyCheck } from './visit-verification';

const door = { location: { lat: 31.1, lng: 121.38 }, codeHash: doorCodeHash('QX7-42KD') };

describe('verifying a check-in at the door', () => {
  it('accepts the door tag\'s code however it is typed, and refuses another', () => {
    expect(verifyCheck('door-code', { method: 'door-code', code: ' qx7-42kd ' }, door, DEFAULT_VISIT_POLICY)).toEqual({ method: 'door-code', verified: true, distanceMetres: null, problem: null });
    expect(verifyCheck('door-code', { method: 'door-code', code: 'QX7-42KE' }, door, DEFAULT_VISIT_POLICY).problem).toBe("the code does not match the senior's door tag");
    expect(verifyCheck('door-code', { method: 'door-code', code: 'QX7-42KD' }, { ...door, codeHash: null }, DEFAULT_VISIT_POLICY).problem).toBe('no door tag has been issued for this senior');
  });

  it('accepts a location inside the policy\'s geofence and names the distance of one outside', () => {
    const inside = verifyCheck('geofence', { method: 'geofence', location: { lat: 31.1005, lng: 121.38 } }, door, DEFAULT_VISIT_POLICY);
    expect(inside).toMatchObject({ verified: true, distanceMetres: 56 });
    const outside = verifyCheck('geofence', { method: 'geofence', location: { lat: 31.105, lng: 121.38 } }, door, DEFAULT_VISIT_POLICY);
    expect(outside).toMatchObject({ verified: false, distanceMetres: 556, problem: '556 m from the door, beyond the 100 m geofence' });
  });

  it('fails a check made another way than the senior\'s plan says', () => {
    expect(verifyCheck('door-code', { method: 'geofence', location: door.location }, door, DEFAULT_VISIT_POLICY)).toMatchObject({ verified: false, problem: "this senior's visits are verified by door-code, not geofence" });
  });
});
