// firmware/crypto against published test vectors: Keccak-256 (Ethereum), HMAC-SHA256
// (RFC 4231), AES-128 (FIPS-197 appendix C.1), AES-CMAC (RFC 4493 section 4), secp256k1
// addresses (the well-known address of private key 1), signatures that recover, and the
// demo firmware key files agreeing with the key compiled into the boot code.
#include <cstring>
#include <string>

#include "firmware/boot/swh_image.h"
#include "firmware/crypto/swh_crypto.h"
#include "tests/firmware/fw_test.h"
#include "tests/firmware/fw_test_util.h"

using fwtest::fromHex;
using fwtest::toHex;

namespace {

std::string keccakHex(const std::string &text)
{
    uint8_t d[32];
    swh_keccak256(reinterpret_cast<const uint8_t *>(text.data()), text.size(), d);
    return toHex(d, 32);
}

void testKeccak()
{
    FW_CHECK(keccakHex("") == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    FW_CHECK(keccakHex("abc") == "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
    // ERC-20 Transfer event topic (DOMAIN.md) = keccak256 of its signature.
    FW_CHECK(keccakHex("Transfer(address,address,uint256)") ==
             "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");
    // Multi-block input, fed in uneven pieces, equals the one-shot digest.
    std::string big(1000, 'x');
    for (size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>('a' + i % 26);
    swh_keccak_ctx ctx;
    swh_keccak_init(&ctx);
    for (size_t pos = 0; pos < big.size();) {
        const size_t n = std::min<size_t>(big.size() - pos, 1 + pos % 137);
        swh_keccak_update(&ctx, reinterpret_cast<const uint8_t *>(big.data()) + pos, n);
        pos += n;
    }
    uint8_t d[32];
    swh_keccak_final(&ctx, d);
    FW_CHECK(toHex(d, 32) == keccakHex(big));
}

void testHmacAesCmac()
{
    // RFC 4231 test case 2.
    const std::string key = "Jefe", data = "what do ya want for nothing?";
    uint8_t mac[32];
    swh_hmac_sha256(reinterpret_cast<const uint8_t *>(key.data()), key.size(),
                    reinterpret_cast<const uint8_t *>(data.data()), data.size(), mac);
    FW_CHECK(toHex(mac, 32) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    // RFC 4231 test case 6: a 131-byte key is hashed first.
    const std::vector<uint8_t> longKey(131, 0xaa);
    const std::string msg = "Test Using Larger Than Block-Size Key - Hash Key First";
    swh_hmac_sha256(longKey.data(), longKey.size(), reinterpret_cast<const uint8_t *>(msg.data()),
                    msg.size(), mac);
    FW_CHECK(toHex(mac, 32) == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    // FIPS-197 appendix C.1.
    const auto aesKey = fromHex("000102030405060708090a0b0c0d0e0f");
    const auto plain = fromHex("00112233445566778899aabbccddeeff");
    uint8_t block[16];
    FW_CHECK(swh_aes128_encrypt_block(aesKey.data(), plain.data(), block) == 0);
    FW_CHECK(toHex(block, 16) == "69c4e0d86a7b0430d8cdb78070b4c55a");
    // RFC 4493 section 4, examples 1 to 4.
    const auto cmacKey = fromHex("2b7e151628aed2a6abf7158809cf4f3c");
    const auto m = fromHex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
                           "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710");
    const struct { size_t len; const char *mac; } examples[] = {
        {0, "bb1d6929e95937287fa37d129b756746"},
        {16, "070a16b46b4d4144f79bdd9dd04a287c"},
        {40, "dfa66747de9ae63030ca32611497c827"},
        {64, "51f0bebf7e3b9d92fc49741779363cfe"}};
    for (const auto &ex : examples) {
        uint8_t out[16];
        FW_CHECK(swh_aes_cmac(cmacKey.data(), m.data(), ex.len, out) == 0);
        FW_CHECK_MSG(toHex(out, 16) == ex.mac, "CMAC of %zu bytes", ex.len);
    }
}

int fixedEntropy(void *ctx, uint8_t *out, size_t len)
{
    uint8_t *counter = static_cast<uint8_t *>(ctx);
    for (size_t i = 0; i < len; ++i) out[i] = (*counter)++;
    return 0;
}

void testSecpAndDrbg()
{
    FW_CHECK(swh_secp_init() == 0);
    // Private key 1: the well-known address 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf.
    uint8_t one[32] = {0};
    one[31] = 1;
    uint8_t pub[64], address[20];
    FW_CHECK(swh_secp_pubkey(one, pub) == 0);
    swh_eth_address(pub, address);
    FW_CHECK(toHex(address, 20) == "7e5f4552091a69125d5dfcb7b8c2659029395bdf");
    // Sign, verify, recover; a different digest does not verify.
    uint8_t seed = 7;
    FW_CHECK(swh_drbg_seed(fixedEntropy, &seed, reinterpret_cast<const uint8_t *>("hub"), 3) == 0);
    uint8_t key[32], hash[32], sig[65], recovered[64];
    FW_CHECK(swh_drbg_generate(key, 32) == 0 && swh_secp_seckey_valid(key));
    swh_keccak256(reinterpret_cast<const uint8_t *>("reading"), 7, hash);
    FW_CHECK(swh_secp_pubkey(key, pub) == 0);
    FW_CHECK(swh_secp_sign(key, hash, sig) == 0 && sig[64] <= 1);
    FW_CHECK(swh_secp_verify(pub, hash, sig) == 0);
    FW_CHECK(swh_secp_recover(hash, sig, recovered) == 0 && std::memcmp(recovered, pub, 64) == 0);
    hash[0] ^= 1;
    FW_CHECK(swh_secp_verify(pub, hash, sig) != 0);
    // The DRBG is deterministic for the same entropy and personalisation, and differs otherwise.
    uint8_t a[32], b[32];
    seed = 7;
    swh_drbg_seed(fixedEntropy, &seed, reinterpret_cast<const uint8_t *>("hub"), 3);
    swh_drbg_generate(a, 32);
    FW_CHECK(std::memcmp(a, key, 32) == 0);
    seed = 7;
    swh_drbg_seed(fixedEntropy, &seed, reinterpret_cast<const uint8_t *>("hub2"), 4);
    swh_drbg_generate(b, 32);
    FW_CHECK(std::memcmp(a, b, 32) != 0);
}

void testDemoFirmwareKey()
{
    const auto secret = fwtest::readKeyFile("firmware-demo.key");
    const auto pubFile = fwtest::readKeyFile("firmware-demo.pub");
    FW_CHECK(secret.size() == 32 && pubFile.size() == 64);
    uint8_t pub[64];
    FW_CHECK(secret.size() == 32 && swh_secp_pubkey(secret.data(), pub) == 0);
    FW_CHECK(pubFile.size() == 64 && std::memcmp(pub, pubFile.data(), 64) == 0);
    FW_CHECK(std::memcmp(pub, swh_firmware_public_key, 64) == 0);
}

}  // namespace

int main()
{
    testKeccak();
    testHmacAesCmac();
    testSecpAndDrbg();
    testDemoFirmwareKey();
    return FW_TEST_RESULT();
}
