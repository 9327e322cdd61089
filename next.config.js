/** @type {import('next').NextConfig} */
const nextConfig = {
  // The server reads registers from disk at request time; nothing is fetched from the network.
  poweredByHeader: false,
  reactStrictMode: true,
};

module.exports = nextConfig;
