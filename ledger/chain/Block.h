#pragma once
// Block header as Ethereum (London) encodes it, with Clique (EIP-225) sealing:
// extraData = 32-byte vanity || [signer list at checkpoints] || 65-byte seal (r || s || v),
// the seal signs keccak256(rlp(header with extraData minus its last 65 bytes)), and the block
// hash is keccak256(rlp(full header)). difficulty 2 in turn, 1 out of turn; coinbase and nonce
// carry Clique votes (0xff..ff = add, 0x00..00 = drop); mixDigest and ommers are unused.
// baseFeePerGas is always present and 0 in this PoA (so web3 v4 can send type-2 txs).
#include "ledger/chain/Receipt.h"

namespace swarmergy::ledger {

inline constexpr std::size_t kExtraVanityBytes = 32;
inline constexpr std::size_t kExtraSealBytes = 65;

struct BlockHeader {
    Hash256 parentHash{};
    Hash256 ommersHash{};              // keccak256(rlp([])) for every block, see emptyOmmersHash()
    Address coinbase{};                // Clique vote target (zero when not voting)
    Hash256 stateRoot{};
    Hash256 transactionsRoot{};
    Hash256 receiptsRoot{};
    Bloom logsBloom;
    U256 difficulty = U256(2);
    std::uint64_t number = 0;
    std::uint64_t gasLimit = 0;
    std::uint64_t gasUsed = 0;
    std::uint64_t timestamp = 0;       // seconds since the Unix epoch
    Bytes extraData;
    Hash256 mixDigest{};
    std::array<std::uint8_t, 8> nonce{};
    U256 baseFeePerGas;

    BlockHeader();
    Bytes encode() const;
    Hash256 hash() const;
    // Clique seal hash: the header encoded without the 65-byte seal at the end of extraData.
    // Throws DecodeError when extraData is shorter than vanity + seal.
    Hash256 sealHash() const;
    static BlockHeader decode(ByteView raw);   // strict, throws DecodeError
};

Hash256 emptyOmmersHash();

// Writes vanity (zero-padded/truncated to 32 bytes) + an empty seal into extraData.
void setCliqueExtra(BlockHeader& header, ByteView vanity, const std::vector<Address>& checkpointSigners = {});
// The signer list of a checkpoint/genesis extraData (between vanity and seal); throws
// DecodeError when that part is not a whole number of addresses.
std::vector<Address> cliqueCheckpointSigners(const BlockHeader& header);
// Signs the seal hash and stores the 65-byte seal at the end of extraData.
void sealHeader(BlockHeader& header, const PrivateKey& key);
// The sealer's address, or nullopt when extraData is malformed or the seal invalid/high-s.
std::optional<Address> recoverSealer(const BlockHeader& header);

struct Block {
    BlockHeader header;
    std::vector<SignedTransaction> transactions;
    Hash256 hash() const { return header.hash(); }
    // rlp([header, [tx...], []]) with typed transactions as byte strings (as devp2p carries them).
    Bytes encode() const;
    // Throws DecodeError (including bad tx signatures). `senders`: see SignedTransaction::fromRaw.
    static Block decode(ByteView raw, SenderCache* senders = nullptr);
    // Only the header of an encoded block (to skip a known block before decoding its body).
    static BlockHeader decodeHeader(ByteView raw);
};

Hash256 transactionsRoot(const std::vector<SignedTransaction>& txs);
Hash256 receiptsRoot(const std::vector<Receipt>& receipts);

}  // namespace swarmergy::ledger
