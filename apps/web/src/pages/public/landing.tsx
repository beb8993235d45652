import type { ReactNode } from 'react';
import { Link } from '../../router';

/** What a first-time visitor reads at `/`: what the service is, and the two ways in. */
export function LandingPage(): ReactNode {
  return (
    <div className="landing">
      <p className="lead">
        Urus dokumen kependudukan dari rumah: Kartu Keluarga, Akta Kelahiran, dan Akta Kematian dari Dinas Kependudukan
        dan Pencatatan Sipil.
      </p>
      <ul>
        <li>Ajukan permohonan dan kirim foto berkas persyaratan dari ponsel.</li>
        <li>Ikuti keadaan permohonan Anda sampai dokumen terbit.</li>
        <li>Unduh dokumen yang ditandatangani secara elektronik, tanpa antre di kantor.</li>
      </ul>
      <div className="button-row">
        <Link to="/masuk" className="button button-primary">
          Masuk
        </Link>
        <Link to="/daftar" className="button">
          Daftar
        </Link>
      </div>
      <p className="hint">
        Daftar cukup dengan NIK, nomor Kartu Keluarga dan tanggal lahir Anda. Ingin memeriksa keaslian dokumen?{' '}
        <Link to="/cek-dokumen">Periksa dokumen</Link>.
      </p>
    </div>
  );
}
